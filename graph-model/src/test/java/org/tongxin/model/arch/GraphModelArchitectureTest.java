package org.tongxin.model.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tongxin.model", importOptions = ImportOption.DoNotIncludeTests.class)
class GraphModelArchitectureTest {

    @ArchTest
    static final ArchRule graphModelDependsOnNoDatabaseWebServerOrSpring = noClasses()
            .that().resideInAPackage("org.tongxin.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.apache.tinkerpop..",
                    "io.javalin..", "org.eclipse.jetty..", "org.springframework..", "com.fasterxml..",
                    "org.tongxin.ingest..", "org.tongxin.analytics..", "org.tongxin.api..", "org.tongxin.web..");
}
