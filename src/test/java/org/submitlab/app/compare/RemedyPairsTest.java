package org.submitlab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.submitlab.sim.Scenarios;

class RemedyPairsTest {

    @Test
    void everyPairNamesTwoDifferentShippedPresetsThatShareASeed() {
        assertThat(RemedyPairs.all()).extracting(RemedyPair::id)
                .containsExactly("printers", "newsletter-batches", "newsletter-group", "alert-storm", "hve");
        for (RemedyPair p : RemedyPairs.all()) {
            assertThat(Scenarios.presetNames()).as(p.id()).contains(p.problem(), p.remedy());
            assertThat(p.problem()).isNotEqualTo(p.remedy());
            assertThat(Scenarios.preset(p.problem()).seed()).as(p.id()).isEqualTo(Scenarios.preset(p.remedy()).seed());
            assertThat(p.explanation()).isNotBlank();
        }
    }

    @Test
    void aPairIsFoundByIdOrByItsPresetsAndAnUnknownIdNamesTheKnownOnes() {
        assertThat(RemedyPairs.byId("HVE").remedy()).isEqualTo("app-moved-to-hve");
        assertThat(RemedyPairs.of("alert-storm", "alert-storm-relay")).map(RemedyPair::id).contains("alert-storm");
        assertThat(RemedyPairs.of("alert-storm-relay", "alert-storm")).isEmpty();
        assertThatThrownBy(() -> RemedyPairs.byId("fax")).hasMessageContaining("printers, newsletter-batches");
    }
}
