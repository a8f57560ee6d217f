-- CreateIndex
CREATE INDEX "OutboxMessage_platform_status_id_idx" ON "OutboxMessage"("platform", "status", "id");
