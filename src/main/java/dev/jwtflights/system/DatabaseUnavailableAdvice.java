package dev.jwtflights.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page whose data could not be read or written because the database is unreachable answers the 503 page ("try
 * again in a moment"), not a 500: nothing is wrong with the request, and the application recovers by itself when the
 * database is back. The API's own advice, which comes first, answers its controllers with problem details.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({ DataAccessException.class, TransactionException.class })
    void databaseUnavailable(Exception ex, HttpServletResponse response) throws IOException {
        log.error("The database could not be reached ({}); answering 503", ex.getClass().getSimpleName(), ex);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

}
