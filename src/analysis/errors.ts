/** A scenario the analysis cannot use (reported as one message, exit status 1). */
export class AnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnalysisError";
  }
}
