-- CreateIndex
CREATE INDEX "Transaction_decision_occurredAt_idx" ON "Transaction"("decision", "occurredAt");

-- CreateIndex
CREATE INDEX "Transaction_label_occurredAt_idx" ON "Transaction"("label", "occurredAt");

-- CreateIndex
CREATE INDEX "Transaction_modelVersionId_occurredAt_idx" ON "Transaction"("modelVersionId", "occurredAt");

