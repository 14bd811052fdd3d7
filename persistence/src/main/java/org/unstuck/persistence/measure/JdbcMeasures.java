package org.unstuck.persistence.measure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.measure.ClinicalCutoff;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.MeasureItems;
import org.unstuck.domain.measure.MeasureKind;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.measure.ReliableChange;
import org.unstuck.domain.measure.RiskRule;
import org.unstuck.domain.measure.ScoreRange;

/** The measure table holds the built-ins too, so scores can be checked by the database itself. */
@Repository
@Transactional(readOnly = true)
public class JdbcMeasures implements Measures {

    private final JdbcClient jdbc;

    JdbcMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Measure> practiceDefined() {
        return jdbc.sql("SELECT * FROM measure WHERE NOT built_in ORDER BY code").query(JdbcMeasures::measure).list();
    }

    /** Every stored measure, built-ins included, as the database holds them. */
    public List<Measure> stored() {
        return jdbc.sql("SELECT * FROM measure ORDER BY built_in DESC, code").query(JdbcMeasures::measure).list();
    }

    @Override
    @Transactional
    public Measure add(Measure measure) {
        if (MeasureCatalogue.builtInsOnly().find(measure.code()).isPresent()) {
            throw new IllegalArgumentException(measure.code() + " is a built-in measure");
        }
        var reliableChange = measure.reliableChange();
        var items = measure.items();
        var risk = items == null ? null : items.risk();
        jdbc.sql("""
                INSERT INTO measure (code, name, kind, min_score, max_score, decimals, better_when, cutoff_value,
                    cutoff_side, rc_points, rc_sd, rc_reliability, source, defaults_confirmed, built_in, item_count, item_max,
                    risk_item, risk_at_least, risk_label, risk_source, risk_confirmed)
                VALUES (:code, :name, :kind, :min, :max, :decimals, :better, :cutoff, :side, :points, :sd, :r, :source,
                    :confirmed, FALSE, :itemCount, :itemMax, :riskItem, :riskAtLeast, :riskLabel, :riskSource, :riskConfirmed)""")
                .param("code", measure.code().value())
                .param("name", measure.name())
                .param("kind", measure.kind().name())
                .param("min", measure.range().min())
                .param("max", measure.range().max())
                .param("decimals", measure.range().decimals())
                .param("better", measure.betterWhen().name())
                .param("cutoff", measure.cutoff().value())
                .param("side", measure.cutoff().clinicalWhen().name())
                .param("points", reliableChange == null ? null : reliableChange.points())
                .param("sd", reliableChange == null ? null : reliableChange.standardDeviation())
                .param("r", reliableChange == null ? null : reliableChange.reliability())
                .param("source", measure.source())
                .param("confirmed", measure.defaultsConfirmed())
                .param("itemCount", items == null ? null : items.count())
                .param("itemMax", items == null ? null : items.maxEach())
                .param("riskItem", risk == null ? null : risk.item())
                .param("riskAtLeast", risk == null ? null : risk.atLeast())
                .param("riskLabel", risk == null ? null : risk.label())
                .param("riskSource", risk == null ? null : risk.source())
                .param("riskConfirmed", risk == null ? null : risk.confirmed())
                .update();
        return measure;
    }

    static Measure measure(ResultSet row, int number) throws SQLException {
        var points = row.getBigDecimal("rc_points");
        var sd = row.getBigDecimal("rc_sd");
        ReliableChange reliableChange = points == null ? null
                : sd == null ? ReliableChange.published(points.doubleValue())
                : new ReliableChange(points.doubleValue(), sd.doubleValue(), row.getBigDecimal("rc_reliability").doubleValue());
        return new Measure(
                new MeasureCode(row.getString("code")),
                row.getString("name"),
                MeasureKind.valueOf(row.getString("kind")),
                new ScoreRange(value(row.getBigDecimal("min_score")), value(row.getBigDecimal("max_score")), row.getInt("decimals")),
                Direction.valueOf(row.getString("better_when")),
                new ClinicalCutoff(value(row.getBigDecimal("cutoff_value")), ClinicalCutoff.Side.valueOf(row.getString("cutoff_side"))),
                reliableChange,
                row.getString("source"),
                row.getBoolean("defaults_confirmed"),
                row.getBoolean("built_in"),
                items(row));
    }

    private static @Nullable MeasureItems items(ResultSet row) throws SQLException {
        if (row.getObject("item_count") == null) {
            return null;
        }
        var risk = row.getObject("risk_item") == null ? null : new RiskRule(row.getInt("risk_item"),
                row.getInt("risk_at_least"), row.getString("risk_label"), row.getString("risk_source"),
                row.getBoolean("risk_confirmed"));
        return new MeasureItems(row.getInt("item_count"), row.getInt("item_max"), risk);
    }

    private static double value(BigDecimal number) {
        return number.doubleValue();
    }
}
