// What news, statements, In Focus features and standard pages share: the header (breadcrumbs,
// title, date, standfirst, hero) and the footer (documents, source, filing, related items).
import { breadcrumbs, cardList, figure, hashtagList, termList, time } from "../components.js";
import { documentLink } from "../blocks.js";
import { h } from "../dom.js";
import { choice } from "../i18n.js";

export function articleHeader(doc, ctx, { kind, hero = doc.hero, extra = null } = {}) {
  return h(
    "header",
    { class: "article-header" },
    breadcrumbs(doc, ctx),
    kind ? h("p", { class: "eyebrow" }, choice(ctx.language, "kinds", kind)) : null,
    h("h1", { tabindex: "-1" }, doc.title),
    doc.date ? h("p", { class: "article-date" }, time(ctx.language, doc.date)) : null,
    extra,
    doc.summary ? h("p", { class: "standfirst" }, doc.summary) : null,
    hero ? figure(hero, "hero", { eager: true }) : null,
  );
}

export function articleFooter(doc, ctx) {
  const { t } = ctx;
  const sections = [];
  if (doc.attachments?.length) {
    sections.push(
      h(
        "section",
        { class: "attachments", "aria-labelledby": "attachments-heading" },
        h("h2", { id: "attachments-heading" }, t.attachments),
        h("ul", {}, doc.attachments.map((file) => h("li", {}, documentLink(file, ctx)))),
      ),
    );
  }
  if (doc.source?.name || doc.source?.url) {
    sections.push(
      h(
        "p",
        { class: "source" },
        `${t.source}: `,
        doc.source.url ? h("a", { href: doc.source.url }, doc.source.name || doc.source.url) : doc.source.name,
      ),
    );
  }
  const filing = [
    termList(doc.lines_of_effort, t.linesOfEffort),
    termList(doc.regions, t.regions),
    hashtagList(doc.hashtags, ctx),
  ].filter(Boolean);
  if (filing.length) sections.push(h("div", { class: "filing" }, filing));
  if (doc.related?.length) {
    sections.push(
      h(
        "section",
        { class: "related", "aria-labelledby": "related-heading" },
        h("h2", { id: "related-heading" }, t.related),
        cardList(doc.related, ctx, { level: 3 }),
      ),
    );
  }
  return sections.length ? h("footer", { class: "article-footer" }, sections) : null;
}

export function meetingSummary(meeting, ctx) {
  if (!meeting) return null;
  const { t, language } = ctx;
  const dates =
    meeting.ends_on && meeting.ends_on !== meeting.starts_on
      ? [time(language, meeting.starts_on), " – ", time(language, meeting.ends_on)]
      : [time(language, meeting.starts_on)];
  const hosts = (meeting.hosts || []).map(
    (host) => `${host.member.name} (${choice(language, "roles", host.role)})`,
  );
  return [
    meeting.title,
    " · ",
    dates,
    meeting.city ? ` · ${meeting.city}` : "",
    meeting.format ? ` · ${choice(language, "meetingFormats", meeting.format)}` : "",
    meeting.participant_count ? ` · ${t.participants(meeting.participant_count)}` : "",
    hosts.length ? ` · ${hosts.join(", ")}` : "",
  ];
}

/** A <dl> from [label, value] pairs, skipping empty values. */
export function detailList(rows, className = "details") {
  const present = rows.filter(([, value]) => value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && !value.length));
  if (!present.length) return null;
  return h(
    "dl",
    { class: className },
    present.map(([label, value]) => h("div", {}, h("dt", {}, label), h("dd", {}, value))),
  );
}
