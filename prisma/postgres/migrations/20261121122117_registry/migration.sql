-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "evalSetKey" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "trainedByLabel" TEXT,
ADD COLUMN     "trainingLog" JSONB;


-- At most one production and one shadow version per kind, whatever the concurrency (partial unique indexes).
CREATE UNIQUE INDEX "ModelVersion_one_production_per_kind" ON "ModelVersion"("kind") WHERE "stage" = 'production';
CREATE UNIQUE INDEX "ModelVersion_one_shadow_per_kind" ON "ModelVersion"("kind") WHERE "stage" = 'shadow';
