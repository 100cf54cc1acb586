package org.lodestone.agreement.rest;

import java.net.URI;
import java.util.List;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.Visibility;
import org.lodestone.agreement.api.AgreementFilter;
import org.lodestone.agreement.api.AgreementPatchCommand;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.AuditEventView;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.NewAgreementCommand;
import org.lodestone.agreement.api.NewCommitmentCommand;
import org.lodestone.agreement.api.StatusChangeRequest;
import org.lodestone.agreement.service.AgreementChangeService;
import org.lodestone.agreement.service.AgreementService;
import org.lodestone.agreement.service.CommitmentChangeService;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.rest.QueryParams;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Thin REST face of the agreement services; the same visibility and role rules as the GraphQL API. */
@DatabaseOutageAware
@Path("/agreements")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    private final AgreementService agreements;
    private final AgreementChangeService agreementChanges;
    private final CommitmentService commitments;
    private final CommitmentChangeService commitmentChanges;

    public AgreementResource(AgreementService agreements, AgreementChangeService agreementChanges,
            CommitmentService commitments, CommitmentChangeService commitmentChanges) {
        this.agreements = agreements;
        this.agreementChanges = agreementChanges;
        this.commitments = commitments;
        this.commitmentChanges = commitmentChanges;
    }

    /** Filters combine; {@code ids} (comma-separated or repeated) returns just those, skipping unknown or hidden ones. */
    @GET
    public List<AgreementView> list(@RestQuery String party, @RestQuery String mineral, @RestQuery String status,
            @RestQuery String visibility, @RestQuery String type, @RestQuery List<String> ids) {
        if (ids != null && !ids.isEmpty()) {
            return agreements.findAll(QueryParams.list(ids)).stream().filter(a -> a != null).toList();
        }
        return agreements.list(new AgreementFilter(party, mineral,
                QueryParams.enumValue(AgreementStatus.class, "status", status),
                QueryParams.enumValue(Visibility.class, "visibility", visibility), type));
    }

    @GET
    @Path("/{id}")
    public Response get(@RestPath String id) {
        return withVersionTag(Response.ok(), agreements.get(id));
    }

    @GET
    @Path("/{id}/commitments")
    public List<CommitmentView> commitments(@RestPath String id, @RestQuery String status) {
        CommitmentStatus wanted = QueryParams.enumValue(CommitmentStatus.class, "status", status);
        agreements.get(id);
        return commitments.byAgreements(List.of(id), wanted).get(id);
    }

    @GET
    @Path("/{id}/history")
    public List<AuditEventView> history(@RestPath String id) {
        return agreements.history(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAgreementCommand body) {
        AgreementView created = agreementChanges.create(QueryParams.requiredBody(body));
        return withVersionTag(Response.created(URI.create("/agreements/" + created.id())), created);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response patch(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            AgreementPatchCommand body) {
        AgreementPatchCommand patch = QueryParams.requiredBody(body);
        return withVersionTag(Response.ok(), agreementChanges.update(id,
                patch.expecting(IfMatch.expectedVersion(ifMatch, patch.expectedVersion()))));
    }

    /** Same semantics as PATCH: the fields given are replaced, the others kept. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            AgreementPatchCommand body) {
        return patch(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeStatus(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            StatusChangeRequest body) {
        StatusChangeRequest request = QueryParams.requiredBody(body);
        return withVersionTag(Response.ok(), agreementChanges.changeStatus(id,
                IfMatch.expectedVersion(ifMatch, request.expectedVersion()), request.status(), request.reason()));
    }

    @POST
    @Path("/{id}/commitments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addCommitment(@RestPath String id, NewCommitmentCommand body) {
        CommitmentView created = commitmentChanges.add(id, QueryParams.requiredBody(body));
        return Response.created(URI.create("/commitments/" + created.id())).entity(created).build();
    }

    /** The agreement as the body, its version as the ETag (what a later If-Match sends back). */
    private static Response withVersionTag(Response.ResponseBuilder response, AgreementView agreement) {
        return response.tag(String.valueOf(agreement.version())).entity(agreement).build();
    }
}
