-- Every stored item becomes an event of a built-in type, with the same id (links, alerts and labels survive):
-- card rows → card_transaction, saved email checks → email. An external id that the type already holds
-- (sent through both APIs) keeps its row under a 'legacy:' prefix rather than being dropped.
INSERT INTO "Event" ("id", "eventType", "typeVersion", "externalId", "occurredAt", "amount", "payload", "features", "score", "modelVersionId", "decision", "reasons", "shadowScore", "shadowModelVersionId", "label", "labelledById", "labelledAt", "version", "createdAt")
SELECT t."id", m."eventType", 1,
  CASE WHEN EXISTS (SELECT 1 FROM "Event" e WHERE e."eventType" = m."eventType" AND e."externalId" = t."externalId") THEN 'legacy:' || t."externalId" ELSE t."externalId" END,
  t."occurredAt", t."amount", t."payload", t."features", t."score", t."modelVersionId", t."decision", t."reasons", t."shadowScore", t."shadowModelVersionId", t."label", t."labelledById", t."labelledAt", t."version", t."createdAt"
FROM "Transaction" t
JOIN (SELECT "id", CASE WHEN "cardId" IS NULL AND "email" IS NOT NULL THEN 'email' ELSE 'card_transaction' END AS "eventType" FROM "Transaction") m ON m."id" = t."id";

-- Entity links, as ingestion writes them for the presets (trimmed keys): card and merchant, or the address.
INSERT INTO "EventEntity" ("eventId", "eventType", "entity", "key", "occurredAt")
SELECT "id", 'card_transaction', 'card', TRIM("cardId"), "occurredAt" FROM "Transaction" WHERE "cardId" IS NOT NULL AND TRIM("cardId") <> '';
INSERT INTO "EventEntity" ("eventId", "eventType", "entity", "key", "occurredAt")
SELECT "id", 'card_transaction', 'merchant', TRIM("merchant"), "occurredAt" FROM "Transaction" WHERE "cardId" IS NOT NULL AND "merchant" IS NOT NULL AND TRIM("merchant") <> '';
INSERT INTO "EventEntity" ("eventId", "eventType", "entity", "key", "occurredAt")
SELECT "id", 'email', 'email', TRIM("email"), "occurredAt" FROM "Transaction" WHERE "cardId" IS NULL AND "email" IS NOT NULL AND TRIM("email") <> '';

-- One production and one shadow per event type: card and email models serve their preset's slot. Where a
-- model of the type already holds that stage, it keeps it and the older-kind version steps back to candidate.
UPDATE "ModelVersion" SET "stage" = 'candidate'
WHERE "kind" IN ('transaction', 'email') AND "stage" IN ('production', 'shadow')
  AND EXISTS (SELECT 1 FROM "ModelVersion" o WHERE o."servingSlot" = CASE WHEN "ModelVersion"."kind" = 'email' THEN 'event:email' ELSE 'event:card_transaction' END AND o."stage" = "ModelVersion"."stage");
UPDATE "ModelVersion" SET "servingSlot" = 'event:card_transaction', "eventType" = 'card_transaction', "eventTypeVersion" = 1 WHERE "kind" = 'transaction';
UPDATE "ModelVersion" SET "servingSlot" = 'event:email', "eventType" = 'email', "eventTypeVersion" = 1 WHERE "kind" = 'email';

-- Monitoring settings follow the slot.
DELETE FROM "MonitorSetting" WHERE "kind" IN ('transaction', 'email')
  AND EXISTS (SELECT 1 FROM "MonitorSetting" o WHERE o."kind" = CASE WHEN "MonitorSetting"."kind" = 'email' THEN 'event:email' ELSE 'event:card_transaction' END);
UPDATE "MonitorSetting" SET "kind" = 'event:card_transaction' WHERE "kind" = 'transaction';
UPDATE "MonitorSetting" SET "kind" = 'event:email' WHERE "kind" = 'email';

-- Alerts point at events (the same ids).
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "payload" JSONB,
    "eventId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedById" TEXT,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "Alert_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Alert" ("acknowledgedAt", "acknowledgedById", "createdAt", "id", "payload", "severity", "title", "type", "eventId") SELECT "acknowledgedAt", "acknowledgedById", "createdAt", "id", "payload", "severity", "title", "type", "transactionId" FROM "Alert";
DROP TABLE "Alert";
ALTER TABLE "new_Alert" RENAME TO "Alert";
CREATE INDEX "Alert_acknowledgedAt_createdAt_idx" ON "Alert"("acknowledgedAt", "createdAt");
DROP TABLE "Transaction";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Event_modelVersionId_occurredAt_idx" ON "Event"("modelVersionId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_shadowModelVersionId_occurredAt_idx" ON "Event"("shadowModelVersionId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_eventType_decision_label_score_idx" ON "Event"("eventType", "decision", "label", "score");
