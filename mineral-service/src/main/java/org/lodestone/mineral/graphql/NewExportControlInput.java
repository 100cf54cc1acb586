package org.lodestone.mineral.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.api.NewExportControl;

@Input("NewExportControl")
@Description("A control to record; targets empty and targetsAll true means every destination")
public class NewExportControlInput {

    @Id
    public String id;

    @Id
    @NonNull
    public String imposingCountry;

    @Id
    @NonNull
    public List<@NonNull String> minerals;

    @Id
    public List<@NonNull String> targets;

    public Boolean targetsAll;

    @NonNull
    @Description("licence, ban, halt or suspension")
    public String measure;

    public LocalDate announcedOn;

    public LocalDate effectiveOn;

    public LocalDate endsOn;

    @Id
    @Description("For a suspension: the id of the control it suspends")
    public String suspends;

    public String summary;

    @NonNull
    @Description("Full citation text, e.g. 'Publisher, Title, date, URL'")
    public String source;

    public String statusNote;
}
