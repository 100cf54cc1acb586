// The query set: the README's and the end-to-end suite's questions, each sent by several demo users, so that
// plans, subgraph bodies and forwarded tokens vary the way real traffic does. "repeated" is one query, one user.

export const QUERIES = {
  usExposure: `{ country(code: "US") { exposure { mineral { id } netImportReliancePct chinaShareOfImportsPct
    chinaWorldRefiningSharePct exposureScore scoreBasis missing } } }`,

  coalitionOverview: `query CoalitionOverview {
  countries(coalitionOnly: true) {
    code
    name
    dependencies { mineral { id } indicator value unit period }
    agreements {
      id
      title
      status
      parties { code name }
      commitments { id kind obligor { code } status }
      minerals {
        id
        name
        concentration(stage: REFINING) { year dataset hhi top3SharePct chinaSharePct leader { code } }
      }
    }
  }
}`,

  galliumScenario: `{ exportControlScenario(imposingCountry: "CN", minerals: ["gallium", "germanium", "antimony"],
    targets: ["US"], activeOn: "2025-01-15", year: 2024) {
  minerals { mineral { id } refining { dataset year imposingSharePct substitutes { country { code } sharePct } missing } }
  hitMembers { member { code } agreements { id } commitments { id description targetAmount currency } }
  activeControls { id measure effectiveOn } } }`,

  germaniumPrices: `{ exportControls(imposingCountry: "CN", mineral: "germanium") { id effectiveOn
    priceMoves { mineral { id } series beforePeriod beforePrice afterPeriod afterPrice changePct missing source { refs } } } }`,

  meAndMembers: `{ me { username country { code name } roles } countries(coalitionOnly: true) { code name } }`,

  graphiteHistory: `{ mineral(id: "graphite") { id name concentrationHistory(stage: REFINING) { year hhi top3SharePct chinaSharePct projection } } }`,
};

/** Users whose real tokens the run fetches; each varied request pairs a query with one of them. */
export const USERS = ['us-member', 'jp-member', 'de-member', 'coalition-analyst', 'coalition-admin'];

/** [query name, user] pairs of the varied scenario: every query, each as a few different callers. */
export function variedPairs() {
  const names = Object.keys(QUERIES);
  const pairs = [];
  names.forEach((name, i) => {
    for (let k = 0; k < 3; k++) {
      pairs.push([name, USERS[(i + k) % USERS.length]]);
    }
  });
  return pairs;
}

export const REPEATED = ['usExposure', 'us-member'];
