variable "execution_role_arn" {
  description = "Task execution role: lets ECS pull the image and write logs."
  type        = string
}

variable "task_role_arn" {
  description = "Role the application assumes, if it calls AWS APIs."
  type        = string
  default     = null
}
{% if values.networkMode == 'awsvpc' %}

variable "subnet_ids" {
  description = "Private subnets for the tasks' network interfaces."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups for the tasks; allow ${{ values.containerPort }}/tcp from the callers."
  type        = list(string)
}
{% endif %}
{% if values.mode != 'service-connect' and values.serviceDiscovery.createNamespace %}

variable "vpc_id" {
  description = "VPC whose resolvers answer for the new namespace ${{ values.serviceDiscovery.namespaceName }}."
  type        = string
}
{% endif %}
