/** Input the planner cannot work with; the message is written for the user. */
export class PlannerInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlannerInputError";
  }
}
