package th.onecitizen.registry.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.onecitizen.registry.RegistryFixture;
import th.onecitizen.registry.TestServices;
import th.onecitizen.registry.service.Assurance;

class CatalogueTests {

    private static RegistryFixture registry;
    private static String agency;

    @BeforeAll
    static void start() {
        registry = new RegistryFixture();
        agency = registry.newAgency();
        publish("house", "ขอคัดสำเนาทะเบียนบ้านออนไลน์", "Request a household registration copy", "civil_registration");
        publish("birth", "แจ้งเกิดและออกสูติบัตร", "Birth notification and certificate", "civil_registration");
        publish("tax", "ตรวจสอบสถานะการคืนภาษี", "Check tax refund status", "tax");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static void publish(String slug, String th, String en, String category) {
        registry.onboarding.create(agency, slug, TestServices.content(th, en, category, "https://api.dopa.go.th/v1"),
                "agency").block();
        registry.onboarding.submit(agency, agency + "." + slug, "agency").block();
        registry.administration.approve(agency + "." + slug, "operator", null).block();
    }

    private static CataloguePage search(Catalogue c, String text, String category, Assurance a) {
        return c.search(new CatalogueQuery(text + " " + agency, category, Locale.forLanguageTag("th"), 1, 20, a))
                .block();
    }

    @Test
    void searchWhenThaiWordInsideASpacelessNameThenFound() {
        CataloguePage page = search(registry.newInstanceCatalogue(), "ทะเบียนบ้าน", null, null);
        assertThat(page.items()).extracting(h -> h.service().id()).containsExactly(agency + ".house");
    }

    @Test
    void searchWhenEnglishWordsInAnyCaseThenFound() {
        CataloguePage page = search(registry.newInstanceCatalogue(), "TAX Refund", null, null);
        assertThat(page.items()).extracting(h -> h.service().id()).containsExactly(agency + ".tax");
    }

    @Test
    void searchWhenCategoryFilteredThenFacetsStillCountEveryCategory() {
        CataloguePage page = search(registry.newInstanceCatalogue(), "", "tax", null);
        assertThat(page.items()).hasSize(1);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.facets()).containsEntry("civil_registration", 2).containsEntry("tax", 1);
    }

    @Test
    void searchWhenPagedThenPagesDoNotOverlap() {
        Catalogue c = registry.newInstanceCatalogue();
        var p1 = c.search(new CatalogueQuery(agency, null, Locale.ENGLISH, 1, 2, null)).block();
        var p2 = c.search(new CatalogueQuery(agency, null, Locale.ENGLISH, 2, 2, null)).block();
        assertThat(p1.items()).hasSize(2);
        assertThat(p2.items()).hasSize(1);
        assertThat(p1.total()).isEqualTo(3);
        assertThat(p1.items()).extracting(h -> h.service().id())
                .doesNotContainAnyElementsOf(p2.items().stream().map(h -> h.service().id()).toList());
    }

    @Test
    void searchWhenCitizenAssuranceGivenThenEachHitSaysWhetherItSuffices() {
        Catalogue c = registry.newInstanceCatalogue();
        assertThat(search(c, "", null, new Assurance("1.1", "1")).items())
                .allSatisfy(h -> assertThat(h.assuranceSuffices()).isFalse());
        assertThat(search(c, "", null, new Assurance("2.3", "2.2")).items())
                .allSatisfy(h -> assertThat(h.assuranceSuffices()).isTrue());
    }

    @Test
    void changeWhenMadeThroughOneInstanceThenVisibleAtOnceOnAnother() {
        Catalogue other = registry.newInstanceCatalogue();
        assertThat(search(other, "แจ้งเกิด", null, null).items()).hasSize(1);
        String id = agency + ".birth";
        registry.administration.suspend(id, "operator").block();
        try {
            assertThat(search(other, "แจ้งเกิด", null, null).items()).isEmpty();
            assertThat(other.find(id).block()).isNull();
        } finally {
            registry.administration.approve(id, "operator", null).block();
        }
        assertThat(other.find(id).block()).isNotNull();
    }

    @Test
    void findAllWhenOneIsSuspendedThenOnlyTheActiveOnesAndPeekStaysStaleUntilTheNextRead() {
        Catalogue other = registry.newInstanceCatalogue();
        String birth = agency + ".birth";
        String house = agency + ".house";
        assertThat(other.findAll(java.util.List.of(house, birth, agency + ".nothing")).block())
                .containsOnlyKeys(house, birth);
        registry.administration.suspend(birth, "operator").block();
        try {
            // peek does no I/O: it still shows what this instance last read; a read brings it up to date
            assertThat(other.peek(birth)).isNotNull();
            assertThat(other.findAll(java.util.List.of(house, birth)).block()).containsOnlyKeys(house);
            assertThat(other.peek(birth)).isNull();
        } finally {
            registry.administration.approve(birth, "operator", null).block();
        }
        assertThat(other.peek(agency + ".nothing")).isNull();
    }
}
