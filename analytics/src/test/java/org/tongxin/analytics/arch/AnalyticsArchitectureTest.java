package org.tongxin.analytics.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of analytics depend on each other one way: lead ← engine ← the models ← model (the catalogue) ←
 * run, store, bench. A cycle would tie them back into one unit that can only change as a whole.
 */
@AnalyzeClasses(packages = "org.tongxin.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class AnalyticsArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.tongxin.analytics.(**)")
            .should().beFreeOfCycles();
}
