package dev.jwtflights.sessions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a refresh of an ended session is told, by the cause stored with it.
 */
class EndCauseTests {

    @Test
    void eachStoredCauseGivesItsOwnRefusal() {
        assertThat(EndCause.refusalOf("LOGGED_OUT")).isEqualTo(Refusal.SIGNED_OUT);
        assertThat(EndCause.refusalOf("ENDED_BY_USER")).isEqualTo(Refusal.ENDED_ELSEWHERE);
        assertThat(EndCause.refusalOf("ENDED_BY_ADMIN")).isEqualTo(Refusal.REVOKED);
        assertThat(EndCause.refusalOf("REUSE_DETECTED")).isEqualTo(Refusal.REUSED);
        assertThat(EndCause.refusalOf("USER_DISABLED")).isEqualTo(Refusal.USER_DISABLED);
        assertThat(EndCause.refusalOf("PASSWORD_SET")).isEqualTo(Refusal.PASSWORD_CHANGED);
        assertThat(EndCause.refusalOf("SESSION_LIMIT")).isEqualTo(Refusal.SESSION_LIMIT);
    }

    @Test
    void noCauseIsARevocationTypedInSqlAndReadsAsAnAdministrators() {
        assertThat(EndCause.refusalOf(null)).isEqualTo(Refusal.REVOKED);
    }

    @Test
    void aCauseThisVersionDoesNotKnowReadsAsRevoked() {
        assertThat(EndCause.refusalOf("SOMETHING_NEWER")).isEqualTo(Refusal.REVOKED);
        assertThat(EndCause.refusalOf("logged_out")).isEqualTo(Refusal.REVOKED);
    }

}
