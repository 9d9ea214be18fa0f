package io.agrilink.web.live;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The livestream, host, team and funnel pages' text, {@code {live:key}} in templates: Vietnamese in
 * {@code messages/live_vi.properties} (the default), English in {@code messages/live_en.properties}.
 */
@MessageBundle(value = "live", locale = "vi")
public interface LiveMessages {
    @Message
    String nav_host();

    @Message
    String nav_team();

    @Message
    String home_streams();

    @Message
    String home_streams_what();

    @Message
    String home_teams();

    @Message
    String home_teams_what();

    @Message
    String home_funnel();

    @Message
    String home_funnel_what();

    @Message
    String home_host();

    @Message
    String home_host_what();

    @Message
    String state(String state);

    @Message
    String platform(String platform);

    @Message
    String hostKind(String kind);

    @Message
    String teamKind(String kind);

    @Message
    String by(String by);

    @Message
    String step(String step);

    @Message
    String revenue();

    @Message
    String stream_label();

    @Message
    String stream_watch(String platform);

    @Message
    String stream_planned();

    @Message
    String stream_started();

    @Message
    String stream_ended();

    @Message
    String stream_cancelledAt();

    @Message
    String stream_campaign();

    @Message
    String stream_hosts();

    @Message
    String stream_lots();

    @Message
    String stream_lotIds();

    @Message
    String stream_cancelled();

    @Message
    String stream_cancelReason(String reason);

    @Message
    String stream_notStarted();

    @Message
    String stream_orderNotCounted();

    @Message
    String stream_unavailable();

    @Message
    String stream_publicPage();

    @Message
    String stream_hostRequired();

    @Message
    String counter_title();

    @Message
    String counter_orders();

    @Message
    String counter_kg();

    @Message
    String counter_provinces();

    @Message
    String counter_countries();

    @Message
    String counter_perMinute();

    @Message
    String counter_asOf(String time);

    @Message
    String counter_stale();

    @Message
    String order_fromStream(String code);

    @Message
    String placed_counted(String title, String code);

    @Message
    String placed_notCounted(String code, String why);

    @Message
    String why(String why, String reason);

    @Message
    String host_title();

    @Message
    String host_none();

    @Message
    String host_start();

    @Message
    String host_end();

    @Message
    String host_startedNow();

    @Message
    String host_endedNow();

    @Message
    String move_conflict(String state);

    @Message
    String move_conflictUnknown();

    @Message
    String move_forbidden();

    @Message
    String move_notFound();

    @Message
    String move_down();

    @Message
    String cancel_reasonRequired();

    @Message
    String streams_title();

    @Message
    String streams_new();

    @Message
    String streams_none();

    @Message
    String streams_moved();

    @Message
    String streams_cancel();

    @Message
    String streams_cancelReason();

    @Message
    String col_stream();

    @Message
    String col_when();

    @Message
    String col_where();

    @Message
    String f_title();

    @Message
    String f_platform();

    @Message
    String f_url();

    @Message
    String f_urlHint();

    @Message
    String f_plannedStart();

    @Message
    String f_plannedEnd();

    @Message
    String f_timeHint();

    @Message
    String f_campaign();

    @Message
    String f_chooseCampaign();

    @Message
    String f_lots();

    @Message
    String f_hosts();

    @Message
    String f_hostsHint();

    @Message
    String f_host(int number);

    @Message
    String f_hostKind();

    @Message
    String f_hostName();

    @Message
    String f_hostSubject();

    @Message
    String f_hostTeam();

    @Message
    String f_schedule();

    @Message
    String results_title();

    @Message
    String results_byProvince();

    @Message
    String results_byCountry();

    @Message
    String results_none();

    @Message
    String teams_title();

    @Message
    String teams_none();

    @Message
    String teams_new();

    @Message
    String teams_unavailable();

    @Message
    String team_where();

    @Message
    String team_leader();

    @Message
    String team_members();

    @Message
    String team_certificate();

    @Message
    String team_joined();

    @Message
    String team_saved();

    @Message
    String team_change();

    @Message
    String team_add();

    @Message
    String team_remove(String subject);

    @Message
    String team_subjectRequired();

    @Message
    String f_teamName();

    @Message
    String f_kind();

    @Message
    String f_province();

    @Message
    String f_chooseProvince();

    @Message
    String f_commune();

    @Message
    String f_leader();

    @Message
    String f_members();

    @Message
    String f_membersHint();

    @Message
    String f_create();

    @Message
    String f_change();

    @Message
    String f_subject();

    @Message
    String f_subjectHint();

    @Message
    String member_noBadge(String subject);

    @Message
    String member_otherTeam(String subject, String team);

    @Message
    String member_otherTeamUnknown(String subject);

    @Message
    String member_leader(String subject);

    @Message
    String member_notMember(String subject);

    @Message
    String member_unknown(String subject);

    @Message
    String funnel_title();

    @Message
    String funnel_by();

    @Message
    String funnel_from();

    @Message
    String funnel_to();

    @Message
    String funnel_show();

    @Message
    String funnel_csv();

    @Message
    String funnel_step();

    @Message
    String funnel_farmers();

    @Message
    String funnel_conversion();

    @Message
    String funnel_revenue();

    @Message
    String funnel_none();

    @Message
    String funnel_period(String by, String from, String to);

    @Message
    String funnel_generated(String time);

    @Message
    String funnel_unavailable(String service, String state);

    @Message
    String funnel_toBeforeFrom();

    @Message
    String notATime();

    @Message
    String notADate();

    @Message
    String notANumber();

    @Message
    String myteam_title();

    @Message
    String myteam_none();

    @Message
    String myteam_results();

    @Message
    String myteam_noStreams();

    @Message
    String myteam_noResults();
}
