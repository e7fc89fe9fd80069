-- CreateTable
CREATE TABLE "DriftSnapshot" (
    "id" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "flagRate" DOUBLE PRECISION NOT NULL,
    "scorePsi" DOUBLE PRECISION,
    "features" JSONB NOT NULL,
    "driftedShare" DOUBLE PRECISION NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriftSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitorSetting" (
    "kind" TEXT NOT NULL,
    "psiWarn" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
    "psiAlert" DOUBLE PRECISION NOT NULL DEFAULT 0.25,
    "driftShare" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "precisionTarget" DOUBLE PRECISION,
    "recallTarget" DOUBLE PRECISION,
    "minLabels" INTEGER NOT NULL DEFAULT 30,
    "retrainEnabled" BOOLEAN NOT NULL DEFAULT false,
    "retrainOnDrift" BOOLEAN NOT NULL DEFAULT true,
    "retrainNewLabels" INTEGER NOT NULL DEFAULT 200,
    "lastRetrainAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "MonitorSetting_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE INDEX "DriftSnapshot_window_windowStart_idx" ON "DriftSnapshot"("window", "windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "DriftSnapshot_modelVersionId_window_windowStart_key" ON "DriftSnapshot"("modelVersionId", "window", "windowStart");

