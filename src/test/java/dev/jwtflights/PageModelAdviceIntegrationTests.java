package dev.jwtflights;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.jwtflights.system.PageController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page is told (model attributes from controller advice) goes to the pages and the error pages, and to no
 * controller that answers with JSON: those would otherwise work it out on every API request for nothing.
 */
@SpringBootTest
class PageModelAdviceIntegrationTests {

    @Autowired
    private ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyModelAdviceReachesEveryPageAndTheErrorPagesAndNoJsonController() {
        List<ControllerAdviceBean> modelAdvice = ControllerAdviceBean.findAnnotatedBeans(this.context)
            .stream()
            .filter((advice) -> addsToTheModel(advice.getBeanType()))
            .toList();
        Set<Class<?>> controllers = this.handlerMapping.getHandlerMethods()
            .values()
            .stream()
            .map(HandlerMethod::getBeanType)
            .map(ClassUtils::getUserClass)
            .collect(Collectors.toSet());
        Set<Class<?>> pages = controllers.stream()
            .filter((type) -> PageController.class.isAssignableFrom(type)
                    || ErrorController.class.isAssignableFrom(type))
            .collect(Collectors.toSet());
        Set<Class<?>> json = controllers.stream()
            .filter((type) -> AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class))
            .collect(Collectors.toSet());

        assertThat(modelAdvice).extracting(ControllerAdviceBean::getBeanType)
            .extracting(Class::getSimpleName)
            .contains("CurrentUserAdvice", "SessionPanelAdvice", "NavigationAdvice");
        assertThat(pages).extracting(Class::getSimpleName)
            .contains("FlightsController", "LoginController", "AdminUsersController", "AccountSessionsController",
                    "BasicErrorController");
        assertThat(json).extracting(Class::getSimpleName).contains("ReservationController", "TokenEndpoint");
        assertThat(controllers).as("our controllers: each one renders pages or answers with JSON")
            .filteredOn((type) -> type.getPackageName().startsWith("dev.jwtflights"))
            .allMatch((type) -> pages.contains(type) != json.contains(type));
        for (ControllerAdviceBean advice : modelAdvice) {
            assertThat(pages).as("the pages %s tells", advice.getBeanType().getSimpleName())
                .allMatch(advice::isApplicableToBeanType);
            assertThat(json).as("the JSON controllers %s leaves alone", advice.getBeanType().getSimpleName())
                .noneMatch(advice::isApplicableToBeanType);
        }
    }

    private static boolean addsToTheModel(Class<?> type) {
        return !MethodIntrospector
            .selectMethods(type,
                    (MethodIntrospector.MetadataLookup<Boolean>) (method) -> AnnotatedElementUtils
                        .hasAnnotation(method, ModelAttribute.class) ? Boolean.TRUE : null)
            .isEmpty();
    }

}
