-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EventEntity" (
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,

    PRIMARY KEY ("eventId", "entity", "key"),
    CONSTRAINT "EventEntity_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EventEntity" ("entity", "eventId", "eventType", "key", "occurredAt") SELECT "entity", "eventId", "eventType", "key", "occurredAt" FROM "EventEntity";
DROP TABLE "EventEntity";
ALTER TABLE "new_EventEntity" RENAME TO "EventEntity";
CREATE INDEX "EventEntity_eventType_entity_key_occurredAt_idx" ON "EventEntity"("eventType", "entity", "key", "occurredAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

