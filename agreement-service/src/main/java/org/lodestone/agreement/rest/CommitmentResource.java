package org.lodestone.agreement.rest;

import java.util.List;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.api.CommitmentDashboard;
import org.lodestone.agreement.api.CommitmentFilter;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.ProgressCommand;
import org.lodestone.agreement.api.ProgressView;
import org.lodestone.agreement.service.CommitmentChangeService;
import org.lodestone.agreement.service.CommitmentDashboardService;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.rest.QueryParams;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@DatabaseOutageAware
@Path("/commitments")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentResource {

    private final CommitmentService commitments;
    private final CommitmentChangeService changes;
    private final CommitmentDashboardService dashboard;

    public CommitmentResource(CommitmentService commitments, CommitmentChangeService changes,
            CommitmentDashboardService dashboard) {
        this.commitments = commitments;
        this.changes = changes;
        this.dashboard = dashboard;
    }

    @GET
    public List<CommitmentView> list(@RestQuery String obligor, @RestQuery String status, @RestQuery String dueBefore,
            @RestQuery String dueWithinDays, @RestQuery String agreement) {
        return commitments.list(new CommitmentFilter(obligor,
                QueryParams.enumValue(CommitmentStatus.class, "status", status), QueryParams.date("dueBefore", dueBefore),
                QueryParams.integer("dueWithinDays", dueWithinDays), agreement));
    }

    @GET
    @Path("/dashboard")
    public CommitmentDashboard dashboard(@RestQuery String dueWithinDays) {
        Integer days = QueryParams.integer("dueWithinDays", dueWithinDays);
        return dashboard.dashboard(days == null ? 90 : days);
    }

    @GET
    @Path("/{id}")
    public CommitmentView get(@RestPath String id) {
        return commitments.get(id);
    }

    @GET
    @Path("/{id}/progress")
    public List<ProgressView> progress(@RestPath String id) {
        commitments.get(id);
        return commitments.progress(List.of(id)).get(id);
    }

    @POST
    @Path("/{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@RestPath String id, ProgressCommand body) {
        return Response.status(Response.Status.CREATED).entity(changes.reportProgress(id, QueryParams.requiredBody(body))).build();
    }
}
