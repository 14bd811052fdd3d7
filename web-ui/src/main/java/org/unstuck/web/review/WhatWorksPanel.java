package org.unstuck.web.review;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.web.common.Labels;

/**
 * The what-works grid with the base rate it is read against. A row resting on fewer than
 * {@value WhatWorks#MIN_CASES} cases is greyed with its count and never coloured; a reader who may
 * see no small group (the practice manager) receives none and is told so.
 */
public class WhatWorksPanel extends Composite<Div> {

    private final boolean smallGroupsShown;
    private final Paragraph baseRate = new Paragraph();
    private final Grid<WhatWorks.Row> grid = new Grid<>();
    private WhatWorks.Summary summary = new WhatWorks.Summary(List.of(), new WhatWorks.Share(0, 0));

    public WhatWorksPanel(String id, boolean smallGroupsShown, String emptyText) {
        this.smallGroupsShown = smallGroupsShown;
        getContent().setId(id);
        getContent().addClassName("what-works");
        baseRate.setId(id + "-base-rate");
        grid.setId(id + "-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(row -> cell(row, getTranslation("decision.type." + row.type().name()), row.approach().name()))
                .setHeader(getTranslation("what-works.decision")).setFlexGrow(1).setWidth("7rem");
        grid.addComponentColumn(row -> cell(row, getTranslation("what-works.of", row.improved(), row.cases()),
                        row.outcome().isResult() ? share(row.outcome())
                                : getTranslation("what-works.too-few", WhatWorks.MIN_CASES)))
                .setHeader(getTranslation("what-works.improved")).setFlexGrow(1).setWidth("7rem");
        grid.addComponentColumn(this::comparison).setHeader(getTranslation("what-works.against")).setFlexGrow(1)
                .setWidth("7rem");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(emptyText);
        var small = new Paragraph(getTranslation(smallGroupsShown ? "what-works.small" : "what-works.small.left-out",
                WhatWorks.MIN_CASES));
        small.addClassName("what-works-note");
        getContent().add(baseRate, small, grid);
    }

    public void show(WhatWorks.Summary shown) {
        summary = shown;
        var base = shown.baseRate();
        baseRate.setText(base.cases() == 0 ? getTranslation("what-works.base-rate.none", WhatWorks.BASE_RATE_DAYS)
                : getTranslation("what-works.base-rate", base.cases(), base.improved(), WhatWorks.BASE_RATE_DAYS, share(base)));
        grid.setItems(smallGroupsShown ? shown.rows() : shown.withEnoughCases().rows());
    }

    private Div cell(WhatWorks.Row row, String first, @Nullable String second) {
        return cell(row, new Span(first), second);
    }

    private Div cell(WhatWorks.Row row, Span first, @Nullable String second) {
        var cell = new Div(first);
        if (second != null) {
            var detail = new Span(second);
            detail.addClassName("what-works-detail");
            cell.add(detail);
        }
        cell.addClassName("what-works-cell");
        if (!row.outcome().isResult()) {
            cell.addClassName("what-works-small");
        }
        return cell;
    }

    /** Above, below or no clear difference, coloured only for a result; and the median days to less severe. */
    private Div comparison(WhatWorks.Row row) {
        var against = row.against(summary.baseRate());
        var median = row.medianDays();
        var verdict = new Span(getTranslation("what-works.comparison." + against.name()));
        if (row.outcome().isResult()) {
            verdict.addClassName("comparison-" + against.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return cell(row, verdict,
                row.outcome().isResult() && median != null ? getTranslation("what-works.median", Labels.score(median)) : null);
    }

    /** "60% (95% interval 23% to 88%)": the share and its Wilson score interval. */
    private String share(WhatWorks.Share share) {
        var percent = NumberFormat.getPercentInstance(getLocale());
        var interval = share.interval();
        return getTranslation("what-works.interval", percent.format(share.share()), percent.format(interval.low()),
                percent.format(interval.high()));
    }
}
