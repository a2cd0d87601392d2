package org.tongxin.api.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchIgnore;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;

/**
 * The layout of issue 12: the domain ({@code org.tongxin.domain.<area>}) knows nothing of HTTP, raises Problems rather
 * than HTTP errors and answers with types rather than maps; the HTTP side ({@code org.tongxin.api.<area>}) calls it;
 * Spring stays in the persistence area; and no two packages need each other.
 */
@AnalyzeClasses(packages = {"org.tongxin.api", "org.tongxin.domain"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    /**
     * Where maps are the honest type: the workflow's Cypher port (rows of any query) and the helper that builds a
     * node's property bag.
     */
    private static final java.util.Set<String> DYNAMIC = java.util.Set.of("org.tongxin.domain.workflow.Statements",
            "org.tongxin.domain.graph.Values");

    /** No cycle between any two packages (each package is a slice: api, api.lead, domain.lead, …). */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.tongxin.(**)")
            .should().beFreeOfCycles();

    /** And none between the two halves: the HTTP side uses the domain, never the other way. */
    @ArchTest
    static final ArchRule layersAreFreeOfCycles = slices().matching("org.tongxin.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainKnowsNoHttp = noClasses().that().resideInAPackage("org.tongxin.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "org.tongxin.api..");

    @ArchTest
    static final ArchRule springOnlyInPersistence = noClasses()
            .that().resideOutsideOfPackage("org.tongxin.domain.persistence..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    /**
     * The domain answers with types: no public method returns a {@code Map<String, Object>} (nor a list or optional
     * of one). A record's accessor may — a dynamic property bag as a component is the one allowed use.
     */
    @ArchTest
    static final ArchRule theDomainReturnsNoMapOfObject = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("org.tongxin.domain..")
            .and().areDeclaredInClassesThat(DescribedPredicate.not(DescribedPredicate.describe("records", JavaClass::isRecord)))
            .and().areDeclaredInClassesThat(DescribedPredicate.not(DescribedPredicate.describe("dynamic by nature", c -> DYNAMIC.contains(c.getName()))))
            .should(notReturnMapOfObject());

    static ArchCondition<JavaMethod> notReturnMapOfObject() {
        return new ArchCondition<>("not return a Map<String, Object>") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (containsMapOfObject(method.getReturnType())) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns "
                            + method.getReturnType().getName() + " in " + method.getSourceCodeLocation()));
                }
            }
        };
    }

    /** Whether this type is, or has among its type arguments, a {@code Map<…, Object>} (or {@code Map<…, ?>}). */
    static boolean containsMapOfObject(JavaType type) {
        if (!(type instanceof JavaParameterizedType parameterized)) {
            return false;
        }
        List<JavaType> args = parameterized.getActualTypeArguments();
        if (type.toErasure().isAssignableTo(Map.class) && args.size() == 2) {
            JavaType value = args.get(1);
            if (value.toErasure().isEquivalentTo(Object.class)
                    || value instanceof JavaWildcardType w && w.getUpperBounds().stream().allMatch(b -> b.toErasure().isEquivalentTo(Object.class))) {
                return true;
            }
        }
        return args.stream().anyMatch(ApiArchitectureTest::containsMapOfObject);
    }
}
