-- AlterTable
ALTER TABLE "MonitorSetting" ADD COLUMN "expectedFraudRate" REAL;

