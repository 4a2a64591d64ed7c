// An In Focus feature: a hero video or image, the campaign it belongs to, a long-form body.
import { renderBlocks } from "../blocks.js";
import { embedPlayer, h } from "../dom.js";
import { articleFooter, articleHeader } from "./article.js";

export function renderInFocus(doc, ctx) {
  const { t } = ctx;
  const video = doc.hero_video
    ? h("figure", { class: "hero-video" }, embedPlayer(doc.hero_video, doc.title))
    : null;
  const campaign = doc.campaign
    ? h("p", { class: "campaign-link" }, `${t.partOfCampaign}: `, h("a", { href: doc.campaign.path }, doc.campaign.title))
    : null;
  return h(
    "article",
    { class: "article article--infocus" },
    articleHeader(doc, ctx, { kind: doc.format, hero: video ? null : doc.hero, extra: campaign }),
    video,
    renderBlocks(doc.body, ctx),
    articleFooter(doc, ctx),
  );
}
