// Standard pages (mission, lines of effort, about, legal) and campaign pages.
import { renderBlocks } from "../blocks.js";
import { time } from "../components.js";
import { h } from "../dom.js";
import { articleFooter, articleHeader } from "./article.js";

export function renderStandard(doc, ctx) {
  return h(
    "article",
    { class: "article article--standard" },
    articleHeader(doc, ctx, { hero: doc.hero || null }),
    renderBlocks(doc.body, ctx),
    articleFooter(doc, ctx),
  );
}

export function renderCampaign(doc, ctx) {
  const dates = doc.starts_on
    ? h(
        "p",
        { class: "campaign-dates" },
        `${ctx.t.campaignDates}: `,
        time(ctx.language, doc.starts_on),
        doc.ends_on ? [" – ", time(ctx.language, doc.ends_on)] : null,
      )
    : null;
  return h(
    "article",
    { class: "article article--campaign" },
    articleHeader(doc, ctx, { hero: doc.hero_image, extra: dates }),
    renderBlocks(doc.body, ctx),
    articleFooter(doc, ctx),
  );
}
