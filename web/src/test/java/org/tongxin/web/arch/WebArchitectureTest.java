package org.tongxin.web.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of the web module depend on each other one way: the entry point ({@code org.tongxin.web.Main}) →
 * cli → server, demo, bench. The server the CLI starts lives in {@code web.server}, not beside {@code Main}, so the
 * root package and {@code cli} do not need each other.
 */
@AnalyzeClasses(packages = "org.tongxin.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    /** {@code org.tongxin.(**)} rather than {@code org.tongxin.web.(**)}: the latter would leave the root package out. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.tongxin.(**)")
            .should().beFreeOfCycles();
}
