package th.onecitizen.bff.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of the design brief, checked on the compiled main classes of every module. A forbidden import
 * fails the build with the offending class and dependency named.
 */
class ModuleRulesTests {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("th.onecitizen");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(main);
    }

    @Test
    void identityDoesNotImportRegistryConsentConnectorsBffOrMocks() {
        check(noClasses().that().resideInAPackage("th.onecitizen.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("th.onecitizen.registry..",
                        "th.onecitizen.consent..", "th.onecitizen.connectors..", "th.onecitizen.bff..",
                        "th.onecitizen.mocks.."));
    }

    @Test
    void registryDoesNotImportIdentityConsentConnectorsBffOrMocks() {
        check(noClasses().that().resideInAPackage("th.onecitizen.registry..")
                .should().dependOnClassesThat().resideInAnyPackage("th.onecitizen.identity..",
                        "th.onecitizen.consent..", "th.onecitizen.connectors..", "th.onecitizen.bff..",
                        "th.onecitizen.mocks.."));
    }

    @Test
    void consentDoesNotImportIdentityRegistryConnectorsBffOrMocks() {
        check(noClasses().that().resideInAPackage("th.onecitizen.consent..")
                .should().dependOnClassesThat().resideInAnyPackage("th.onecitizen.identity..",
                        "th.onecitizen.registry..", "th.onecitizen.connectors..", "th.onecitizen.bff..",
                        "th.onecitizen.mocks.."));
    }

    @Test
    void connectorsUseOnlyTheRegistryAndTheDecisionApiOfConsent() {
        check(noClasses().that().resideInAPackage("th.onecitizen.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("th.onecitizen.identity..",
                        "th.onecitizen.bff..", "th.onecitizen.mocks.."));
        check(noClasses().that().resideInAPackage("th.onecitizen.connectors..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "consent classes outside th.onecitizen.consent.decision",
                        c -> c.getPackageName().startsWith("th.onecitizen.consent")
                                && !c.getPackageName().equals("th.onecitizen.consent.decision"))));
    }

    @Test
    void platformImportsNoOtherModule() {
        check(noClasses().that().resideInAPackage("th.onecitizen.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("th.onecitizen.identity..",
                        "th.onecitizen.registry..", "th.onecitizen.consent..", "th.onecitizen.connectors..",
                        "th.onecitizen.bff..", "th.onecitizen.mocks..", "th.onecitizen.testkit.."));
    }

    @Test
    void mocksShareNoCodeWithTheModulesTheyImitate() {
        check(noClasses().that().resideInAPackage("th.onecitizen.mocks..")
                .should().dependOnClassesThat().resideInAnyPackage("th.onecitizen.platform..",
                        "th.onecitizen.identity..", "th.onecitizen.registry..", "th.onecitizen.consent..",
                        "th.onecitizen.connectors..", "th.onecitizen.bff..", "th.onecitizen.testkit.."));
    }

    @Test
    void onlyTheDemoWiringOfBffStartsTheMocks() {
        check(noClasses().that().resideOutsideOfPackages("th.onecitizen.mocks..", "th.onecitizen.bff.demo..")
                .should().dependOnClassesThat().resideInAPackage("th.onecitizen.mocks.."));
    }

    @Test
    void onlyBffHasHttpHandlersAndTheApplicationClass() {
        check(classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .or().areAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                .should().resideInAPackage("th.onecitizen.bff.."));
        check(noClasses().that().resideOutsideOfPackage("th.onecitizen.bff..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.web.reactive.function.server.RouterFunction"));
    }

    @Test
    void noModuleThrowsABareRuntimeException() {
        check(noClasses().that().resideInAPackage("th.onecitizen..")
                .should().callConstructor(RuntimeException.class, String.class)
                .orShould().callConstructor(RuntimeException.class));
    }
}
