-- CreateIndex
CREATE INDEX "Transaction_category_occurredAt_idx" ON "Transaction"("category", "occurredAt");

-- CreateIndex
CREATE INDEX "Transaction_amount_idx" ON "Transaction"("amount");

