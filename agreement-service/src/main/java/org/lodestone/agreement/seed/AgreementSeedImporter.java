package org.lodestone.agreement.seed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementRepository;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.ClosedVocabulary;
import org.lodestone.agreement.Commitment;
import org.lodestone.agreement.CommitmentRepository;
import org.lodestone.agreement.SeedImportRepository;
import org.lodestone.agreement.Visibility;
import org.lodestone.agreement.mapping.AgreementMapper;
import org.lodestone.agreement.mapping.CommitmentMapper;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.service.AuditTrail;
import org.lodestone.agreement.service.ReferenceData;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Imports {@code seed/agreements.csv} (21 agreements) and {@code seed/commitments.csv} (the commitments read from
 * the agreements' own text) once, in one transaction, writing an audit event with subject "seed" for each row.
 *
 * <p>A marker row in {@code seed_import} makes the import idempotent; inserting it first also serialises two
 * instances starting at the same time (the second waits on the key, then finds the marker and skips).
 *
 * <p>Seeded agreements are public documents, so visibility is PUBLIC. Status rule: IN_FORCE when the agreement's
 * own text says it entered into force ("entered into force", "entry into force"); otherwise SIGNED, because every
 * row has a signing date and none says it was suspended, expired or terminated.
 */
@ApplicationScoped
public class AgreementSeedImporter {

    static final String MARKER = "agreements";
    private static final Pattern IN_FORCE = Pattern.compile("entered into force|entry into force", Pattern.CASE_INSENSITIVE);
    private static final Logger LOG = Logger.getLogger(AgreementSeedImporter.class);

    private final SeedImportRepository imports;
    private final AgreementRepository agreements;
    private final CommitmentRepository commitments;
    private final AuditTrail audit;
    private final ReferenceData reference;
    private final Clock clock;

    public AgreementSeedImporter(SeedImportRepository imports, AgreementRepository agreements,
            CommitmentRepository commitments, AuditTrail audit, ReferenceData reference, Clock clock) {
        this.imports = imports;
        this.agreements = agreements;
        this.commitments = commitments;
        this.audit = audit;
        this.reference = reference;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        importOnce();
    }

    @Transactional
    public boolean importOnce() {
        if (!imports.claim(MARKER)) {
            LOG.debug("agreement seed already imported");
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Agreement> seeded = new HashMap<>();
        List<Map<String, String>> agreementRows = SeedCsv.readResource("/seed/agreements.csv");
        for (Map<String, String> row : agreementRows) {
            Agreement a = toAgreement(row, now);
            agreements.persist(a);
            seeded.put(a.id, a);
        }
        agreements.flush();
        for (Agreement a : seeded.values().stream().sorted((x, y) -> x.id.compareTo(y.id)).toList()) {
            audit.record(a.id, AuditTrail.AGREEMENT, a.id, "SEED_IMPORT", Caller.SEED, null, AgreementMapper.toView(a),
                    "imported from seed/agreements.csv");
        }
        List<Map<String, String>> commitmentRows = SeedCsv.readResource("/seed/commitments.csv");
        for (Map<String, String> row : commitmentRows) {
            Commitment c = toCommitment(row, seeded, now);
            commitments.persistAndFlush(c);
            audit.record(c.agreementId, AuditTrail.COMMITMENT, c.id, "SEED_IMPORT", Caller.SEED, null,
                    CommitmentMapper.auditState(c), "read from the agreement's commitments text: " + c.basis);
        }
        imports.recordRows(MARKER, agreementRows.size() + commitmentRows.size());
        LOG.infof("imported %d agreements and %d commitments from the seed", agreementRows.size(), commitmentRows.size());
        return true;
    }

    private Agreement toAgreement(Map<String, String> row, OffsetDateTime now) {
        Agreement a = new Agreement();
        a.id = require(row, "id");
        a.title = require(row, "title");
        a.type = term(Agreement.TYPES, "seed agreement " + a.id + " type", require(row, "type"));
        a.parties = split(require(row, "parties"));
        for (String party : a.parties) {
            if (!reference.isCountry(party)) {
                throw new IllegalStateException("seed agreement " + a.id + " names unknown country " + party);
            }
        }
        a.minerals = split(require(row, "minerals"));
        for (String mineral : a.minerals) {
            if (!reference.isMineral(mineral)) {
                throw new IllegalStateException("seed agreement " + a.id + " names unknown mineral " + mineral);
            }
        }
        String signed = require(row, "signed_date");
        a.signedPeriod = signed;
        // "2011-03" is only a month: keep it as the period, and leave the date empty rather than invent a day
        a.signedOn = signed.length() == 10 ? LocalDate.parse(signed) : null;
        a.summary = row.get("summary");
        a.commitmentsText = row.get("commitments");
        a.sourceText = require(row, "source");
        a.visibility = Visibility.PUBLIC;
        a.status = mentionsEntryIntoForce(a.summary) || mentionsEntryIntoForce(a.commitmentsText)
                ? AgreementStatus.IN_FORCE : AgreementStatus.SIGNED;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    private Commitment toCommitment(Map<String, String> row, Map<String, Agreement> agreements, OffsetDateTime now) {
        Commitment c = new Commitment();
        c.agreementId = require(row, "agreement_id");
        Agreement agreement = agreements.get(c.agreementId);
        if (agreement == null) {
            throw new IllegalStateException("seed commitment names unknown agreement " + c.agreementId);
        }
        c.id = commitments.nextId();
        c.obligor = require(row, "obligor");
        if (!Arrays.asList(agreement.parties).contains(c.obligor)) {
            throw new IllegalStateException("seed commitment obligor " + c.obligor + " is no party of " + c.agreementId);
        }
        c.kind = term(Commitment.KINDS, "seed commitment " + c.id + " kind", require(row, "kind"));
        c.description = require(row, "description");
        c.mineralId = row.get("mineral");
        if (c.mineralId != null && !reference.isMineral(c.mineralId)) {
            throw new IllegalStateException("seed commitment names unknown mineral " + c.mineralId);
        }
        c.targetQuantity = decimal(row.get("target_quantity"));
        c.unit = row.get("unit");
        c.targetAmount = decimal(row.get("target_amount"));
        c.currency = row.get("currency");
        c.dueOn = row.get("due_on") == null ? null : LocalDate.parse(row.get("due_on"));
        c.basis = require(row, "basis");
        c.createdAt = now;
        return c;
    }

    /** The value in its listed spelling; a value outside the vocabulary stops the import. */
    private static String term(ClosedVocabulary vocabulary, String what, String value) {
        String term = vocabulary.canonical(value);
        if (term == null) {
            throw new IllegalStateException(what + " '" + value + "' is not one of: " + vocabulary);
        }
        return term;
    }

    private static boolean mentionsEntryIntoForce(String text) {
        return text != null && IN_FORCE.matcher(text).find();
    }

    private static String[] split(String value) {
        return Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static String require(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalStateException("seed row lacks " + column + ": " + row);
        }
        return value;
    }
}
