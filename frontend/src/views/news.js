// A news item: dateline and source, the meeting it reports, then the text.
import { renderBlocks } from "../blocks.js";
import { h } from "../dom.js";
import { articleFooter, articleHeader, detailList, meetingSummary } from "./article.js";

export function renderNews(doc, ctx) {
  const { t } = ctx;
  return h(
    "article",
    { class: "article article--news" },
    articleHeader(doc, ctx, { kind: doc.news_type }),
    detailList([
      [t.dateline, doc.dateline],
      [t.place, doc.place],
      [t.meeting, meetingSummary(doc.meeting, ctx)],
    ]),
    renderBlocks(doc.body, ctx),
    articleFooter(doc, ctx),
  );
}
