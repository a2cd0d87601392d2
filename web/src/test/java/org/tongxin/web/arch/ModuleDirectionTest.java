package org.tongxin.web.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: web → api → analytics → ingest → graph-model. */
@AnalyzeClasses(packages = "org.tongxin", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDirectionTest {

    @ArchTest
    static final ArchRule graphModelIsPure = noClasses().that().resideInAPackage("org.tongxin.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tongxin.ingest..", "org.tongxin.analytics..",
                    "org.tongxin.api..", "org.tongxin.web..", "org.neo4j..", "org.apache.tinkerpop..", "io.javalin..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule ingestKnowsNoAnalyticsApiOrWeb = noClasses().that().resideInAPackage("org.tongxin.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tongxin.analytics..", "org.tongxin.api..",
                    "org.tongxin.web..", "io.javalin..");

    @ArchTest
    static final ArchRule analyticsKnowsNoApiOrWeb = noClasses().that().resideInAPackage("org.tongxin.analytics..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tongxin.api..", "org.tongxin.web..", "io.javalin..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule apiKnowsNoWeb = noClasses().that().resideInAPackage("org.tongxin.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tongxin.web..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule productCodeReachesNeo4jOnlyThroughTheDriver = noClasses()
            .that().resideInAnyPackage("org.tongxin..").and().resideOutsideOfPackage("org.tongxin.ingest.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.graphdb..", "org.neo4j.dbms..",
                    "org.neo4j.kernel..", "org.neo4j.configuration..");
}
