package org.unstuck.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.function.Function;

/** One question a home answers: a heading with its count, the first few items, and where the rest are dealt with. */
class HomeCard extends Section {

    /** A card lists this many items; the rest are on the screen its link opens. */
    static final int ITEMS_SHOWN = 4;

    private final UnorderedList items = new UnorderedList();
    private final H3 heading;

    HomeCard(String id, String title) {
        setId(id);
        addClassName("home-card");
        items.addClassName("home-items");
        heading = new H3(title);
        add(heading);
    }

    /** The first items, or the empty state saying why there are none. */
    <T> HomeCard list(List<T> all, Function<T, List<Component>> item, String whyEmpty) {
        return list(all, all.size(), item, whyEmpty);
    }

    /** Every item, however many: for lists that are short by nature, such as the practice's therapists. */
    <T> HomeCard all(List<T> every, Function<T, List<Component>> item, String whyEmpty) {
        return list(every, every.size(), Integer.MAX_VALUE, item, whyEmpty);
    }

    /** The first of the items, of which there are {@code total} in all. */
    <T> HomeCard list(List<T> some, int total, Function<T, List<Component>> item, String whyEmpty) {
        return list(some, total, ITEMS_SHOWN, item, whyEmpty);
    }

    private <T> HomeCard list(List<T> some, int total, int shown, Function<T, List<Component>> item, String whyEmpty) {
        if (some.isEmpty()) {
            return note(whyEmpty);
        }
        var count = new Span(String.valueOf(total));
        count.addClassName("home-count");
        heading.add(count);
        some.stream().limit(shown).forEach(element -> {
            var line = new ListItem();
            line.add(item.apply(element).toArray(Component[]::new));
            items.add(line);
        });
        add(items);
        if (total > shown) {
            var more = new Paragraph(getTranslation("home.more", total - shown));
            more.addClassName("hint");
            add(more);
        }
        return this;
    }

    HomeCard note(String text) {
        var note = new Paragraph(text);
        note.addClassName("home-empty");
        add(note);
        return this;
    }

    /** Where the items are dealt with. */
    HomeCard link(String text, String href) {
        var link = new Anchor(href, text);
        link.addClassName("home-link");
        add(link);
        return this;
    }
}
