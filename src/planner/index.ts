import { rankBottlenecks } from "./bottlenecks.js";
import { computeLoad, toCapacity } from "./capacity.js";
import { buildCost } from "./cost.js";
import { buildDesign, DEFAULT_DESIGN_OPTIONS } from "./design/index.js";
import { buildDiagram } from "./diagram.js";
import { environments, stagingBill } from "./environments.js";
import { PlannerInputError } from "./errors.js";
import { operations } from "./operations.js";
import type { Proposal } from "./proposal.js";
import { describeRequirementsError, requirementsSchema, type Requirements } from "./requirements.js";
import { resolve } from "./resolve.js";
import { buildRoadmap } from "./roadmap.js";
import { budgetFloor, choiceCost } from "./budget.js";
import { withChoiceCosts, withPhases } from "./shape/decide.js";
import { stageOf } from "./shape/stage.js";
import { buildStack, discovery } from "./stack.js";
import { summarise } from "./summary.js";

export { PlannerInputError } from "./errors.js";
export { diffProposals } from "./diff.js";

export interface PlanOptions {
  version?: number;
}

/**
 * Requirements in, a complete proposal out: pure and deterministic. Every figure is computed from
 * the stated requirements and the listed assumptions; artefacts are added by the report layer.
 */
export function plan(input: Requirements, options: PlanOptions = {}): Proposal {
  const parsed = requirementsSchema.safeParse(input);
  if (!parsed.success) throw new PlannerInputError(describeRequirementsError(parsed.error));
  const requirements = parsed.data;
  const r = resolve(requirements);
  const target = DEFAULT_DESIGN_OPTIONS.targetUtilisation;
  const load = computeLoad(r, 1);
  const design = buildDesign(r, load);
  const bill = [...design.bill, ...stagingBill(r, design)];
  const offPeak = computeLoad(r, 1 / r.peakFactor);
  const cost = buildCost(
    bill,
    {
      bill,
      rightSized: buildDesign(r, load, { targetUtilisation: 0.7 }).bill,
      rightSizedOffPeak: buildDesign(r, offPeak, { targetUtilisation: 0.7 }).bill,
      peakFactor: r.peakFactor,
      videoShareOfCdn: load.cdnEgressGbMonth > 0 ? load.videoEgressGbMonth / load.cdnEgressGbMonth : 0,
      platform: design.shape.platform,
    },
    r.currency,
    r.budget,
    requirements.dau ?? (requirements.mau !== undefined ? r.dau : undefined),
  );
  const ops = operations(r, design);
  const capacity = toCapacity(load);
  const { roadmap, designs } = buildRoadmap(r, design, target, r.currency, capacity);
  let decisions = withPhases(design, designs);
  const chose = decisions.some((d) => d.userChoice);
  const ladder = chose ? buildDesign(r, load, { ...DEFAULT_DESIGN_OPTIONS, ignoreUserChoices: true }) : undefined;
  if (ladder) decisions = withChoiceCosts(decisions, ladder, choiceCost(bill, [...ladder.bill, ...stagingBill(r, ladder)], r.currency));
  if (cost.withinBudget === false && r.budget) cost.budgetFloor = budgetFloor(r, cost.monthly, r.budget.amount, ladder !== undefined);
  const hpa = roadmap.phases[0]!.autoscaling;
  const proposal: Proposal = {
    title: `Architecture for ${r.domain}`,
    version: options.version ?? 1,
    archetype: r.archetype,
    summary: "",
    requirements,
    assumptions: r.assumptions,
    capacity,
    stage: stageOf(design, r),
    decisions,
    diagram: buildDiagram(design.components, design.edges),
    components: design.components,
    stack: buildStack(r, design),
    discovery: discovery(design.shape.platform),
    environments: environments(r, design),
    bottlenecks: rankBottlenecks(design.resources),
    ...ops,
    cost,
    roadmap,
    configuration: [
      ...design.settings,
      { component: "API services", setting: "server keepAliveTimeout / headersTimeout", value: "65 s / 66 s", why: "longer than the load balancer's 60 s idle timeout, so it never reuses a closed connection (502s)" },
      { component: "API services", setting: `${design.shape.platform === "kubernetes" ? "HPA" : design.shape.platform === "ecs" ? "ECS service autoscaling" : "Auto Scaling group"} target CPU`, value: `${hpa.targetCpuPercent}%`, why: "the utilisation every tier is sized for; leaves room for a lost AZ" },
    ],
    artifacts: [],
  };
  proposal.summary = summarise(proposal, r);
  return proposal;
}
