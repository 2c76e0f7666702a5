{% set migrate = values.mode == 'migrate' %}
variable "execution_role_arn" {
  description = "Task execution role: lets ECS pull the image and write logs.{% if migrate %} The service's current one.{% endif %}"
  type        = string
}

variable "task_role_arn" {
  description = "Role the application assumes, if it calls AWS APIs.{% if migrate %} It no longer needs appmesh:StreamAggregatedResources.{% endif %}"
  type        = string
  default     = null
}
{% if values.networkMode == 'awsvpc' %}

variable "subnet_ids" {
  description = "Private subnets for the tasks' network interfaces.{% if migrate %} The service's current ones.{% endif %}"
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups for the tasks; allow ${{ values.containerPort }}/tcp from the callers.{% if migrate %} The service's current ones.{% endif %}"
  type        = list(string)
}
{% endif %}
{% if values.mode in ['service-discovery', 'both'] and values.serviceDiscovery.createNamespace %}

variable "vpc_id" {
  description = "VPC whose resolvers answer for the new namespace ${{ values.serviceDiscovery.namespaceName }}."
  type        = string
}
{% endif %}
