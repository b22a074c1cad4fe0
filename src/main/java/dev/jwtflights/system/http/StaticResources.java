package dev.jwtflights.system.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files and where they are served: {@code /css/**}, {@code /js/**}, {@code /favicon.svg} and
 * {@code /favicon.ico} from {@code static/} on the classpath, and the WebJars at {@code /webjars/**}, whose links the
 * pages write without a version and the resource chain writes with it ({@code /webjars/bootstrap/5.3.8/...}).
 * <p>
 * These paths only, instead of Spring Boot's catch-all {@code /**} ({@code spring.web.resources.add-mappings=false}):
 * the resource chain rewrites every link a page renders, and with a catch-all it looked up each one ({@code /flights},
 * {@code /admin/sessions/end}, ...) as a file in the jar, on every view, without remembering that it was not there.
 * That was about half the CPU of {@code GET /flights}. A path that is no file is a 404, as before.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations(STATIC + "css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations(STATIC + "js/").resourceChain(true);
        registry.addResourceHandler("/favicon.*").addResourceLocations(STATIC).resourceChain(true);
        registry.addResourceHandler("/webjars/**")
            .addResourceLocations("classpath:/META-INF/resources/webjars/")
            .resourceChain(true);
    }

}
