package dev.jwtflights.system.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall of every security filter chain: Spring Security's strict one, with its own rules, the header values
 * checked by {@link HeaderValueRule} (the same rule, faster). Spring Security takes this bean for its chains.
 */
@Configuration(proxyBeanMethods = false)
class FirewallConfiguration {

    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(new HeaderValueRule());
        return firewall;
    }

}
