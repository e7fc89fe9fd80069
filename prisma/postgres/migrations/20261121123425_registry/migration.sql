-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "evalSetKey" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "servingSlot" TEXT NOT NULL,
ADD COLUMN     "trainedByLabel" TEXT,
ADD COLUMN     "trainingLog" JSONB;

-- CreateIndex
CREATE INDEX "ModelVersion_servingSlot_stage_idx" ON "ModelVersion"("servingSlot", "stage");


-- At most one production and one shadow version per serving slot, whatever the concurrency (partial unique indexes).
CREATE UNIQUE INDEX "ModelVersion_one_production_per_slot" ON "ModelVersion"("servingSlot") WHERE "stage" = 'production';
CREATE UNIQUE INDEX "ModelVersion_one_shadow_per_slot" ON "ModelVersion"("servingSlot") WHERE "stage" = 'shadow';
