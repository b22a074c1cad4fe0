package dev.jwtflights;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class JwtFlightsApplicationTests {

    @Test
    void contextLoads() {
    }

}
