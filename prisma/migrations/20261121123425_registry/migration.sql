-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ModelVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "servingSlot" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'candidate',
    "params" JSONB NOT NULL,
    "featureSpec" JSONB NOT NULL,
    "artifact" BLOB NOT NULL,
    "metrics" JSONB NOT NULL,
    "threshold" REAL NOT NULL,
    "reviewThreshold" REAL NOT NULL,
    "blockThreshold" REAL NOT NULL,
    "importances" JSONB,
    "baseline" JSONB,
    "datasetVersionId" TEXT,
    "trainedById" TEXT,
    "trainedByLabel" TEXT,
    "trainingMs" INTEGER NOT NULL DEFAULT 0,
    "jobId" TEXT,
    "evalSetKey" TEXT,
    "trainingLog" JSONB,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promotedAt" DATETIME,
    CONSTRAINT "ModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ModelVersion_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "DatasetVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ModelVersion" ("algorithm", "artifact", "baseline", "blockThreshold", "createdAt", "datasetVersionId", "featureSpec", "id", "importances", "jobId", "kind", "metrics", "modelId", "params", "promotedAt", "reviewThreshold", "stage", "threshold", "trainedById", "trainingMs", "version") SELECT "algorithm", "artifact", "baseline", "blockThreshold", "createdAt", "datasetVersionId", "featureSpec", "id", "importances", "jobId", "kind", "metrics", "modelId", "params", "promotedAt", "reviewThreshold", "stage", "threshold", "trainedById", "trainingMs", "version" FROM "ModelVersion";
DROP TABLE "ModelVersion";
ALTER TABLE "new_ModelVersion" RENAME TO "ModelVersion";
CREATE INDEX "ModelVersion_kind_stage_idx" ON "ModelVersion"("kind", "stage");
CREATE INDEX "ModelVersion_servingSlot_stage_idx" ON "ModelVersion"("servingSlot", "stage");
CREATE UNIQUE INDEX "ModelVersion_modelId_version_key" ON "ModelVersion"("modelId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- At most one production and one shadow version per serving slot, whatever the concurrency (partial unique indexes).
CREATE UNIQUE INDEX "ModelVersion_one_production_per_slot" ON "ModelVersion"("servingSlot") WHERE "stage" = 'production';
CREATE UNIQUE INDEX "ModelVersion_one_shadow_per_slot" ON "ModelVersion"("servingSlot") WHERE "stage" = 'shadow';
