-- AddForeignKey
ALTER TABLE "EventEntity" ADD CONSTRAINT "EventEntity_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

