// A statement: who issued it in which role, where and at which meeting, then the text.
import { renderBlocks } from "../blocks.js";
import { picture } from "../components.js";
import { h } from "../dom.js";
import { choice } from "../i18n.js";
import { articleFooter, articleHeader, detailList, meetingSummary } from "./article.js";

function member(m) {
  return h(
    "span",
    { class: "member" },
    m.flag ? picture(m.flag, "thumbnail") : null,
    m.name,
  );
}

export function renderStatement(doc, ctx) {
  const { t, language } = ctx;
  const issuers = (doc.issuers || []).length
    ? h(
        "ul",
        { class: "issuers" },
        doc.issuers.map((issuer) =>
          h(
            "li",
            {},
            member(issuer.member),
            h("span", { class: "role" }, ` — ${choice(language, "roles", issuer.role)}`),
          ),
        ),
      )
    : null;
  const details = h(
    "section",
    { class: "statement-details", "aria-labelledby": "statement-details-heading" },
    h("h2", { id: "statement-details-heading", class: "visually-hidden" }, t.statementDetails),
    detailList([
      [t.issuedBy, issuers],
      [t.meeting, meetingSummary(doc.meeting, ctx)],
      [t.place, doc.place],
      [t.group, doc.group?.name],
      [
        t.membersWelcomed,
        doc.members_welcomed?.length
          ? h("ul", { class: "welcomed" }, doc.members_welcomed.map((m) => h("li", {}, member(m))))
          : null,
      ],
    ]),
    doc.on_behalf_of_all_members ? h("p", { class: "on-behalf" }, t.onBehalfOfAll) : null,
  );
  return h(
    "article",
    { class: "article article--statement" },
    articleHeader(doc, ctx, { kind: doc.statement_type }),
    details,
    doc.attribution ? h("p", { class: "attribution" }, doc.attribution) : null,
    renderBlocks(doc.body, ctx),
    articleFooter(doc, ctx),
  );
}
