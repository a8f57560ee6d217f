-- CreateTable
CREATE TABLE "SendPace" (
    "platform" TEXT NOT NULL,
    "nextSlotAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SendPace_pkey" PRIMARY KEY ("platform")
);
