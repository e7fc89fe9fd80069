-- AlterTable
ALTER TABLE "DatasetVersion" ADD COLUMN     "eventType" TEXT,
ADD COLUMN     "eventTypeVersion" INTEGER;

-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "eventType" TEXT,
ADD COLUMN     "eventTypeVersion" INTEGER;

-- CreateTable
CREATE TABLE "EventType" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT,
    "currentVersion" INTEGER NOT NULL,
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventTypeVersion" (
    "id" TEXT NOT NULL,
    "eventTypeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventTypeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "typeVersion" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "amount" DOUBLE PRECISION,
    "payload" JSONB NOT NULL,
    "features" JSONB,
    "score" DOUBLE PRECISION,
    "modelVersionId" TEXT,
    "decision" TEXT,
    "reasons" JSONB,
    "shadowScore" DOUBLE PRECISION,
    "shadowModelVersionId" TEXT,
    "label" TEXT,
    "labelledById" TEXT,
    "labelledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventEntity" (
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventEntity_pkey" PRIMARY KEY ("eventId","entity","key")
);

-- CreateTable
CREATE TABLE "EntityState" (
    "eventType" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EntityState_pkey" PRIMARY KEY ("eventType","entity","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "EventType_name_key" ON "EventType"("name");

-- CreateIndex
CREATE UNIQUE INDEX "EventTypeVersion_eventTypeId_version_key" ON "EventTypeVersion"("eventTypeId", "version");

-- CreateIndex
CREATE INDEX "Event_eventType_occurredAt_idx" ON "Event"("eventType", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_eventType_decision_occurredAt_idx" ON "Event"("eventType", "decision", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_eventType_label_occurredAt_idx" ON "Event"("eventType", "label", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Event_eventType_externalId_key" ON "Event"("eventType", "externalId");

-- CreateIndex
CREATE INDEX "EventEntity_eventType_entity_key_occurredAt_idx" ON "EventEntity"("eventType", "entity", "key", "occurredAt");

-- AddForeignKey
ALTER TABLE "EventTypeVersion" ADD CONSTRAINT "EventTypeVersion_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

