package io.deeppersona.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The API and core must never see a deep-learning type: hosts without DL4J on the class path must work. */
class ArchitectureTest {
    private static final JavaClasses SDK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.deeppersona.api", "io.deeppersona.spi", "io.deeppersona.core");

    @Test
    void apiAndCoreDoNotDependOnDl4jOrNd4j() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.bytedeco..")
                .because("DL4J/ND4J types belong in sdk-dl4j-backend only (STYLE.md section 12)")
                .check(SDK);
    }

    @Test
    void apiDependsOnTheJdkAlone() {
        noClasses().that().resideInAnyPackage("io.deeppersona.api..", "io.deeppersona.spi..")
                .should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "io.deeppersona.api..", "io.deeppersona.spi..")
                .because("sdk-api depends on nothing but the JDK")
                .check(SDK);
    }

    @Test
    void apiDoesNotReachIntoCore() {
        noClasses().that().resideInAnyPackage("io.deeppersona.api..", "io.deeppersona.spi..")
                .should().dependOnClassesThat().resideInAPackage("io.deeppersona.core..")
                .check(SDK);
    }
}
