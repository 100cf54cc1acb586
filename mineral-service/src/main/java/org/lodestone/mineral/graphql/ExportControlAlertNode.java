package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.support.alert.AlertNode;
import org.lodestone.support.alert.AlertNodeBase;
import org.lodestone.support.alert.AlertView;

@Name("ExportControlAlert")
@Description("""
        An export control was recorded (EXPORT_CONTROL_RECORDED), suspended (EXPORT_CONTROL_SUSPENDED; exportControl \
        is the suspended control, suspension the record that suspends it) or ended, its end date passed \
        (EXPORT_CONTROL_ENDED); or a price recorded while it is in force moved past the threshold since it started \
        (PRICE_MOVE: priceMove says which series, before and after, and minerals is that one mineral). hitMembers: the \
        coalition members it hits by the scenario rule (the members among its targets, or every member for a control \
        on all destinations).""")
public class ExportControlAlertNode extends AlertNodeBase implements AlertNode {

    private final ExportControlNode exportControl;
    private final CountryNode imposingCountry;
    private final List<MineralNode> minerals;
    private final List<CountryNode> hitMembers;
    private final ExportControlNode suspension;
    private final PriceMoveNode priceMove;

    ExportControlAlertNode(AlertView<?> alert, ExportControlNode exportControl, CountryNode imposingCountry,
            List<MineralNode> minerals, List<CountryNode> hitMembers, ExportControlNode suspension,
            PriceMoveNode priceMove) {
        super(alert);
        this.exportControl = exportControl;
        this.imposingCountry = imposingCountry;
        this.minerals = minerals;
        this.hitMembers = hitMembers;
        this.suspension = suspension;
        this.priceMove = priceMove;
    }

    public ExportControlNode getExportControl() {
        return exportControl;
    }

    public @NonNull CountryNode getImposingCountry() {
        return imposingCountry;
    }

    public @NonNull List<@NonNull MineralNode> getMinerals() {
        return minerals;
    }

    public @NonNull List<@NonNull CountryNode> getHitMembers() {
        return hitMembers;
    }

    public ExportControlNode getSuspension() {
        return suspension;
    }

    @Description("""
            For a PRICE_MOVE: the series that moved most, its last price before the control started (before*) and the \
            price recorded now (after*); null for other kinds.""")
    public PriceMoveNode getPriceMove() {
        return priceMove;
    }
}
