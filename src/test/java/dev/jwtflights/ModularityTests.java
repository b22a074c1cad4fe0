package dev.jwtflights;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module structure holds: Spring Modulith finds no cycle between the application modules and no reach into
 * another module's internals; and no package depends, through any chain, on itself, the tests' packages included.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(JwtFlightsApplication.class);

    @Test
    void applicationModulesVerify() {
        MODULES.verify();
    }

    @Test
    void packagesOfMainAndTestCodeAreFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.jwtflights");

        slices().matching("dev.jwtflights.(**)").should().beFreeOfCycles().check(classes);
    }

}
