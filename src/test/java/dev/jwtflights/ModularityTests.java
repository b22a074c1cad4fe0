package dev.jwtflights;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module structure holds: Spring Modulith finds no cycle between the application modules and no reach into
 * another module's internals; no package depends, through any chain, on itself, the tests' packages included; and
 * jjwt stays the one JWT library of the application, known to one class.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(JwtFlightsApplication.class);

    @Test
    void applicationModulesVerify() {
        MODULES.verify();
    }

    @Test
    void jjwtIsTheOneJwtLibraryOfTheApplicationAndOneClassUsesIt() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jwtflights");

        noClasses().should().dependOnClassesThat().resideInAPackage("com.nimbusds..").check(main);
        // TokenService and the classes nested in it (its strict JSON reader for jjwt).
        noClasses().that().haveNameNotMatching("dev\\.jwtflights\\.tokens\\.TokenService(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("io.jsonwebtoken..")
            .check(main);
    }

    @Test
    void packagesOfMainAndTestCodeAreFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.jwtflights");

        slices().matching("dev.jwtflights.(**)").should().beFreeOfCycles().check(classes);
    }

}
