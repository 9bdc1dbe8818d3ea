/**
 * Public face of the channels module (layer 4): modules above it (billing,
 * integrations) and the seeders import only from here.
 */
export { default as HelpCenterArticle } from '#channels/models/help_center_article'
export { default as HelpCenterCategory } from '#channels/models/help_center_category'
export { default as ChannelsPolicy } from '#channels/policies/channels_policy'
export { channelsPersonalData } from '#channels/personal_data'
export { seedChannelsDemo } from '#channels/demo_data'
export { deliverWidgetReply } from '#channels/services/widget_events'
