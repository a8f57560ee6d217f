-- CreateIndex
CREATE INDEX "Assignment_figures_idx" ON "Assignment"("resolutionId", "id", "agencyId", "status", "percent", "deadline", "reportedDoneAt", "doneAt", "version");
