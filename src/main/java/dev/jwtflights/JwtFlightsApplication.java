package dev.jwtflights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class JwtFlightsApplication {

    public static void main(String[] args) {
        SpringApplication.run(JwtFlightsApplication.class, args);
    }

}
