-- CreateTable
CREATE TABLE "ChatPace" (
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatPace_pkey" PRIMARY KEY ("platform","chatId")
);
