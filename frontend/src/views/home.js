// The home page: announcement, "What is the Coalition?" with the live member count, lines of
// effort, the latest news and statements, In Focus, the campaign and the social wall.
import { api } from "../api.js";
import { cardList, figure, loadMore, teaser, time } from "../components.js";
import { h, richText } from "../dom.js";
import { choice, formatNumber } from "../i18n.js";

const SOCIAL_PAGE = 4;

function section(id, heading, ...children) {
  return h(
    "section",
    { class: `home-section home-${id}`, "aria-labelledby": `${id}-heading` },
    h("h2", { id: `${id}-heading` }, heading),
    ...children,
  );
}

export function announcementBanner(announcement, ctx) {
  if (!announcement) return null;
  const messages = (announcement.key_messages || []).map((m) => (typeof m === "string" ? m : m?.text || ""));
  return h(
    "section",
    { class: `announcement announcement--${announcement.style}`, "aria-label": ctx.t.announcement },
    h("p", { class: "announcement__text" }, h("strong", {}, announcement.text)),
    messages.length ? h("ul", {}, messages.filter(Boolean).map((m) => h("li", {}, m))) : null,
    announcement.link?.url ? h("a", { href: announcement.link.url }, announcement.link.label || ctx.t.readMore) : null,
  );
}

function socialPost(post, ctx) {
  const { t, language } = ctx;
  return h(
    "article",
    { class: "social-post", dataset: { platform: post.platform } },
    h(
      "p",
      { class: "social-post__account" },
      h("span", { class: "visually-hidden" }, `${t.postedBy} `),
      post.account?.url ? h("a", { href: post.account.url }, post.account.name) : post.account?.name,
      post.account?.handle ? h("span", { class: "handle", dir: "ltr" }, ` @${post.account.handle}`) : null,
      h("span", { class: "platform" }, ` · ${choice(language, "platforms", post.platform)}`),
    ),
    figure(post.image, "card"),
    h("p", { class: "social-post__text", dir: "auto" }, post.text),
    h(
      "p",
      { class: "social-post__meta" },
      time(language, post.posted_at?.slice(0, 10)),
      post.permalink ? [" · ", h("a", { href: post.permalink }, t.viewPost)] : null,
    ),
  );
}

export async function renderHome(doc, ctx) {
  const { t, language, site, signal } = ctx;
  const quietly = (promise) => promise.catch((error) => (error.name === "AbortError" ? Promise.reject(error) : null));
  const [latest, inFocus, social, campaign] = await Promise.all([
    api.list("latest", { locale: language, limit: 6 }, { signal }),
    api.list("in-focus", { locale: language, limit: 3 }, { signal }),
    api.socialPosts({ locale: language, limit: SOCIAL_PAGE }, { signal }),
    doc.featured_campaign ? quietly(api.page(doc.featured_campaign.path, { signal })) : null,
  ]);

  const count = site.member_count;
  const membersPath = `/${language}/members/`;
  const socialList = h(
    "ul",
    { class: "social-wall", role: "list" },
    social.items.map((post) => h("li", {}, socialPost(post, ctx))),
  );

  return h(
    "div",
    { class: "home" },
    announcementBanner(site.announcement, ctx),
    h("h1", { class: "home-title", tabindex: "-1" }, doc.title),
    doc.summary ? h("p", { class: "standfirst" }, doc.summary) : null,
    section(
      "about",
      doc.intro_heading || t.whatIs,
      richText(doc.intro),
      h(
        "p",
        { class: "member-count" },
        h("a", { href: membersPath }, h("strong", { "data-member-count": count }, t.memberCount(formatNumber(language, count)))),
      ),
    ),
    site.lines_of_effort?.length
      ? section(
          "lines",
          t.linesOfEffort,
          h(
            "ul",
            { class: "lines-of-effort", role: "list" },
            site.lines_of_effort.map((line) =>
              h(
                "li",
                {},
                h("h3", {}, h("a", { href: `/${language}/search/?line_of_effort=${encodeURIComponent(line.slug)}` }, line.name)),
                line.summary ? h("p", {}, line.summary) : null,
              ),
            ),
          ),
        )
      : null,
    section("latest", t.latest, cardList(latest.items, ctx, { level: 3 })),
    inFocus.items.length ? section("infocus", t.inFocus, cardList(inFocus.items, ctx, { level: 3 })) : null,
    doc.featured_campaign
      ? section(
          "campaign",
          t.campaign,
          h(
            "div",
            { class: "campaign" },
            campaign?.hero_image ? figure(campaign.hero_image, "card") : null,
            h("h3", {}, h("a", { href: doc.featured_campaign.path }, doc.featured_campaign.title)),
            campaign?.summary ? h("p", {}, teaser(campaign.summary)) : null,
          ),
        )
      : null,
    section(
      "social",
      t.socialWall,
      socialList,
      loadMore({
        ctx,
        list: socialList,
        next: social.next,
        fetchPage: (cursor) => api.socialPosts({ locale: language, limit: SOCIAL_PAGE, cursor }),
        renderItem: (post) => socialPost(post, ctx),
      }),
    ),
  );
}
